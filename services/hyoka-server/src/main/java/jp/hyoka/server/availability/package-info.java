/**
 * What the API tells a client when a system it depends on is briefly away (the database restarting, a pool
 * exhausted): a typed, retryable answer instead of an internal error.
 */
package jp.hyoka.server.availability;
