package sitrep.spark;

import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The driver's Hadoop configuration (its spark.hadoop.* settings: S3 credentials, HDFS name nodes), shipped to
 * the executors, which open the input files with it. Hadoop's Configuration is Writable but not Serializable.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration value;

    HadoopConf(Configuration value) {
        this.value = value;
    }

    Configuration get() {
        return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        value.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException {
        value = new Configuration(false);
        value.readFields(in);
    }
}
