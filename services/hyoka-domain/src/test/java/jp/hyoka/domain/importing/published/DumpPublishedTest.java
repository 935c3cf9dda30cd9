package jp.hyoka.domain.importing.published;

import org.junit.jupiter.api.Test;

class DumpPublishedTest {
    @Test
    void dump() {
        for (String name : new String[]{PublishedFiles.BASIC, PublishedFiles.KEY, PublishedFiles.ALL}) {
            System.out.println("===== " + name + "\n" + PublishedFiles.imported(name).dump());
        }
    }
}
