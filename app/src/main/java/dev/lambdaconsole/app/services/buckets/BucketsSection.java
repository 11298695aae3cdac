package dev.lambdaconsole.app.services.buckets;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.simulators.s3.S3Service;
import org.kordamp.ikonli.feather.Feather;

/** The Buckets tab of the Services page. */
public final class BucketsSection {
    private BucketsSection() { }

    public static ServiceSection create(ConsoleServices services) {
        BucketsViewModel vm = new BucketsViewModel(() -> services.simulators().s3().map(S3Service::buckets), services.tasks());
        return new ServiceSection("bucketsSection", "Buckets", Feather.ARCHIVE, new BucketsView(vm), null);
    }
}
