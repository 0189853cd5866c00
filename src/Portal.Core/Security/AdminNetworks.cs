using System.Net;
using System.Runtime.CompilerServices;
using Portal.Core.Tenancy;

namespace Portal.Core.Security;

/// <summary>
/// A tenant's admin allow-list: CIDR networks (a bare address is one host) from which its
/// <c>/admin</c> may be used; an empty list leaves the admin open. Parsed once per tenant
/// settings version, so the request path only compares addresses.
/// </summary>
public static class AdminNetworks
{
    public const int MaxEntries = 100;

    private static readonly ConditionalWeakTable<TenantDescriptor, IPNetwork[]> Parsed = new();

    /// <summary>Normalises <paramref name="entries"/>; every malformed entry gets a Vietnamese message.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> entries, out List<string> errors)
    {
        errors = [];
        var networks = new List<string>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (TryParse(entry, out var network))
            {
                networks.Add(network.ToString());
            }
            else
            {
                errors.Add($"'{(entry.Length > 60 ? entry[..60] + "…" : entry)}' không phải một dải địa chỉ hợp lệ (ví dụ 10.0.0.0/24, 203.113.5.7 hoặc 2001:db8::/32).");
            }
        }

        if (networks.Count > MaxEntries)
        {
            errors.Add($"Danh sách mạng được phép có tối đa {MaxEntries} dòng.");
        }

        return networks.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the tenant has no list or <paramref name="address"/> is in one of its networks.</summary>
    public static bool Allows(TenantDescriptor tenant, IPAddress? address)
    {
        if (tenant.AdminNetworks.Count == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var networks = Parsed.GetValue(tenant, static t => t.AdminNetworks.Select(n => TryParse(n, out var network) ? network : (IPNetwork?)null)
            .OfType<IPNetwork>().ToArray());
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParse(string entry, out IPNetwork network)
    {
        network = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressPart = slash < 0 ? entry : entry[..slash];
        // Only the usual forms: four dotted numbers or IPv6 (not "10" or "10.1", which the parser would accept).
        var usual = addressPart.Contains(':', StringComparison.Ordinal)
            ? !addressPart.Contains('%', StringComparison.Ordinal)
            : addressPart.Count(c => c == '.') == 3;
        if (!usual)
        {
            return false;
        }

        if (slash >= 0)
        {
            // Strict: the address must be the network's own (10.0.0.0/8, not 10.1.2.3/8, which is ambiguous).
            return IPNetwork.TryParse(entry, out network)
                && IPAddress.TryParse(addressPart, out var given)
                && network.BaseAddress.Equals(given);
        }

        if (!IPAddress.TryParse(entry, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
