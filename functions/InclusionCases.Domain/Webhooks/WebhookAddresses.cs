using System.Net;
using System.Net.Sockets;

namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// Which IP addresses a webhook may be delivered to: public unicast addresses only. Everything a
/// request from inside the platform could reach but the internet could not is refused: loopback,
/// private and shared ranges, link-local (169.254.0.0/16 holds the cloud metadata service),
/// multicast, reserved and documentation ranges, Azure's platform address; IPv6 forms that carry an
/// IPv4 address are judged by it (mapped, NAT64) or refused (6to4). Checked on the resolved addresses, not the
/// host name, and again on every connection, so a name that changes what it resolves to gains nothing.
/// </summary>
public static class WebhookAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] NotPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("168.63.129.16"), 32), // Azure's platform address (DNS, health probes): reachable from inside Azure only
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix) GlobalUnicastV6 = (IPAddress.Parse("2000::"), 3);

    private static readonly (IPAddress Network, int Prefix)[] NotPublicV6 =
    [
        (IPAddress.Parse("2001::"), 23), // IETF protocol assignments, Teredo among them
        (IPAddress.Parse("2001:db8::"), 32), // documentation
        (IPAddress.Parse("2002::"), 16), // 6to4: an IPv4 address in disguise, refused whole
        (IPAddress.Parse("3fff::"), 20), // documentation (RFC 9637)
    ];

    private static readonly (IPAddress Network, int Prefix) Nat64 = (IPAddress.Parse("64:ff9b::"), 96);

    /// <summary>Whether <paramref name="address"/> is a public unicast address a webhook may go to.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NotPublicV4.Any(range => In(address, range));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (In(address, Nat64))
        {
            return IsPublic(new IPAddress(address.GetAddressBytes()[12..]));
        }

        return In(address, GlobalUnicastV6) && !NotPublicV6.Any(range => In(address, range));
    }

    /// <summary>Whether <paramref name="address"/> is a loopback address (127.0.0.0/8, ::1, or one mapped to IPv6).</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static bool In(IPAddress address, (IPAddress Network, int Prefix) range)
    {
        var bytes = address.GetAddressBytes();
        var network = range.Network.GetAddressBytes();
        if (bytes.Length != network.Length)
        {
            return false;
        }

        var whole = range.Prefix / 8;
        if (!bytes.AsSpan(0, whole).SequenceEqual(network.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = range.Prefix % 8;
        var mask = (byte)(0xFF << (8 - rest));
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }
}
