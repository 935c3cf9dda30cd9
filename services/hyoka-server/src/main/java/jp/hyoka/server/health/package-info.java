/**
 * What the platform asks before it sends this node traffic ({@code /health/readiness}) or restarts it
 * ({@code /health/liveness}). The answer is a status only, without a token and without details: the database is
 * reachable and the read models are not far behind, or not. README, "Operating Hyoka: health and metrics".
 */
package jp.hyoka.server.health;
