package jp.hyoka.server.database;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Where the data lives: {@code hyoka.database.*} in application.yml. */
@ConfigurationProperties("hyoka.database")
public class DatabaseConfig {

    private String url = "";
    private String username = "postgres";
    private String password = "";
    private int maximumPoolSize = 16;
    private Duration connectionTimeout = Duration.ofSeconds(5);
    private Embedded embedded = new Embedded();

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        this.maximumPoolSize = maximumPoolSize;
    }

    /** How long a request waits for a connection before it is answered as unavailable (Hikari's default: 30 s). */
    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public void setEmbedded(Embedded embedded) {
        this.embedded = embedded;
    }

    @ConfigurationProperties("embedded")
    public static class Embedded {
        private String dataDir = ".hyoka-data/postgres";
        private boolean ephemeral;

        public String getDataDir() {
            return dataDir;
        }

        public void setDataDir(String dataDir) {
            this.dataDir = dataDir;
        }

        public boolean isEphemeral() {
            return ephemeral;
        }

        public void setEphemeral(boolean ephemeral) {
            this.ephemeral = ephemeral;
        }
    }
}
