/** Taking published documents over into Hyoka: the server side of the domain's importing package. */
package jp.hyoka.server.importing;
