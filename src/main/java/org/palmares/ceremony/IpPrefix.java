package org.palmares.ceremony;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a client address belongs to, as kept for the fraud report: the /24 of an IPv4 address, the /48 of an
 * IPv6 one. The full address is never stored.
 */
public final class IpPrefix {
    private IpPrefix() {}

    public static String of(String address) {
        if (address == null || address.isBlank()) return "unknown";
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        // Only literal addresses: InetAddress.getByName would otherwise resolve a host name over the network, and it
        // takes "999.999.999.999" or what is left of "x%:" once the zone is cut for one.
        a = a.replaceFirst("%.*", "");
        boolean v4 = a.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        boolean v6 = a.contains(":") && a.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) return "unknown";
        try {
            byte[] b = InetAddress.getByName(a).getAddress();
            if (b.length == 4) return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            return String.format(
                    "%x:%x:%x::/48",
                    ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                    ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
