package org.ecgleadlab.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.ecgleadlab.util.EcgLabException;

/**
 * A {@code --master} URL checked before Spark sees it, so that a typo or a master that does not answer is one line
 * instead of Spark's minute of retries and stack traces.
 */
public record MasterUrl(String url) {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,\\s*\\d+)?])?");
    private static final int CONNECT_MILLIS = 5000;

    public MasterUrl {
        if (!(LOCAL.matcher(url).matches() || url.equals("yarn") || url.startsWith("k8s://")
                || url.startsWith("spark://"))) {
            throw new EcgLabException("--master " + url + ": not a Spark master URL; use local[*], local[N], "
                    + "spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        if (url.startsWith("spark://")) {
            hostsAndPorts(url);
        }
    }

    /** Whether the job runs inside this JVM. */
    public boolean local() {
        return url.startsWith("local");
    }

    /** Whether driver and executors all run on this machine's loopback (local, or a standalone master on it). */
    public boolean loopback() {
        return local() || (url.startsWith("spark://") && hostsAndPorts(url).stream()
                .allMatch(a -> a.getHostString().equals("127.0.0.1") || a.getHostString().equals("localhost")));
    }

    /** For {@code spark://}: fails with one line when no master answers on any of its addresses. */
    public void checkReachable() {
        if (!url.startsWith("spark://")) {
            return;
        }
        for (InetSocketAddress address : hostsAndPorts(url)) {
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_MILLIS);
                return;
            } catch (IOException e) {
                // try the next master of a high-availability list
            }
        }
        throw new EcgLabException("--master " + url + ": no Spark master answers there; start one (./jbang spark "
                + "cluster --workers 2 prints its URL) or check the host and port");
    }

    private static List<InetSocketAddress> hostsAndPorts(String url) {
        return List.of(url.substring("spark://".length()).split(",")).stream().map(hostPort -> {
            URI uri = URI.create("spark://" + hostPort.trim());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new EcgLabException("--master " + url + ": '" + hostPort + "' is not HOST:PORT; write e.g. "
                        + "spark://127.0.0.1:7077");
            }
            return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
        }).map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
    }
}
