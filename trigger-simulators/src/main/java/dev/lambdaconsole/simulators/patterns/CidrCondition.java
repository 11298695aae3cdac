package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code {"cidr": "10.0.0.0/24"}} or an IPv6 block: string values that are addresses inside the block. */
record CidrCondition(String cidr, byte[] network, int bits) implements Condition {

    static CidrCondition parse(String cidr, Dialect dialect) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || cidr.indexOf('/', slash + 1) >= 0) throw dialect.invalid("Malformed CIDR, one '/' required");
        String address = cidr.substring(0, slash);
        byte[] network = address(address);
        if (network == null) throw dialect.invalid("Nonstandard IP address: " + address);
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw dialect.invalid("Malformed CIDR, mask bits must be an integer");
        }
        if (bits < 0 || bits > network.length * 8) {
            throw dialect.invalid("Malformed CIDR, mask bits must be between 0 and " + network.length * 8);
        }
        return new CidrCondition(cidr, network, bits);
    }

    @Override
    public boolean test(JsonNode leaf) {
        if (!leaf.isTextual()) return false;
        byte[] ip = address(leaf.textValue());
        if (ip == null || ip.length != network.length) return false;
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((ip[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }

    @Override
    public String describe() { return "cidr " + cidr; }

    /** An IPv4 (dotted decimal) or IPv6 literal, or null; never a host-name lookup. */
    static byte[] address(String text) {
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') return null;
            }
            try {
                byte[] b = InetAddress.getByName(text).getAddress();
                return b.length == 16 ? b : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            b[i] = (byte) v;
        }
        return b;
    }
}
