using System.Collections.Frozen;
using Portal.Core.Tenancy;

namespace Portal.Modules.Tenants.Services;

/// <summary>The tenant a request is for, and the URL prefix that selected it (if any).</summary>
public readonly record struct TenantMatch(TenantDescriptor Tenant, string? Prefix);

/// <summary>
/// An immutable index of tenants by host and prefix. Order: exact host (with a matching
/// prefix, then without), wildcard host (same), then a prefix-only tenant on any host.
/// Disabled tenants are matched too: the caller answers 503 for them.
/// </summary>
public sealed class TenantResolver
{
    private readonly FrozenDictionary<string, HostBinding> _exact;
    private readonly FrozenDictionary<string, HostBinding>.AlternateLookup<ReadOnlySpan<char>> _exactBySpan;
    private readonly FrozenDictionary<string, HostBinding> _wildcard;
    private readonly FrozenDictionary<string, HostBinding>.AlternateLookup<ReadOnlySpan<char>> _wildcardBySpan;
    private readonly FrozenDictionary<string, TenantDescriptor> _prefixOnly;
    private readonly FrozenDictionary<string, TenantDescriptor>.AlternateLookup<ReadOnlySpan<char>> _prefixOnlyBySpan;

    public TenantResolver(IEnumerable<TenantDescriptor> tenants)
    {
        var exact = new Dictionary<string, HostBinding>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, HostBinding>(StringComparer.OrdinalIgnoreCase);
        var prefixOnly = new Dictionary<string, TenantDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in tenants)
        {
            var prefix = string.IsNullOrEmpty(tenant.UrlPrefix) ? null : tenant.UrlPrefix;
            if (tenant.HostNames.Count == 0 && prefix is not null)
            {
                prefixOnly.TryAdd(prefix, tenant);
            }

            foreach (var host in tenant.HostNames)
            {
                var (map, key) = host.StartsWith("*.", StringComparison.Ordinal) ? (wildcard, host[2..]) : (exact, host);
                if (!map.TryGetValue(key, out var binding))
                {
                    map[key] = binding = new HostBinding();
                }

                binding.Add(tenant, prefix);
            }
        }

        _exact = exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _exactBySpan = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcard = wildcard.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _wildcardBySpan = _wildcard.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixOnly = prefixOnly.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _prefixOnlyBySpan = _prefixOnly.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Resolves a host name (no port) and a request path.</summary>
    public TenantMatch? Resolve(ReadOnlySpan<char> host, ReadOnlySpan<char> path)
    {
        host = host.TrimEnd('.');
        var segment = FirstSegment(path);

        if (_exactBySpan.TryGetValue(host, out var binding) && binding.Match(segment) is { } exactMatch)
        {
            return exactMatch;
        }

        if (_wildcard.Count > 0)
        {
            // "*.thainguyen.localhost" matches "x.thainguyen.localhost"; the nearest parent wins.
            for (var dot = host.IndexOf('.'); dot >= 0; dot = NextDot(host, dot))
            {
                if (_wildcardBySpan.TryGetValue(host[(dot + 1)..], out var wild) && wild.Match(segment) is { } wildMatch)
                {
                    return wildMatch;
                }
            }
        }

        if (!segment.IsEmpty && _prefixOnlyBySpan.TryGetValue(segment, out var prefixTenant))
        {
            return new TenantMatch(prefixTenant, prefixTenant.UrlPrefix);
        }

        return null;
    }

    private static int NextDot(ReadOnlySpan<char> host, int dot)
    {
        var next = host[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }

    private static ReadOnlySpan<char> FirstSegment(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path[0] != '/')
        {
            return default;
        }

        path = path[1..];
        var end = path.IndexOf('/');
        return end < 0 ? path : path[..end];
    }

    private sealed class HostBinding
    {
        private TenantDescriptor? _withoutPrefix;
        private Dictionary<string, TenantDescriptor>? _byPrefix;
        private Dictionary<string, TenantDescriptor>.AlternateLookup<ReadOnlySpan<char>> _byPrefixSpan;

        public void Add(TenantDescriptor tenant, string? prefix)
        {
            if (prefix is null)
            {
                _withoutPrefix ??= tenant;
                return;
            }

            if (_byPrefix is null)
            {
                _byPrefix = new Dictionary<string, TenantDescriptor>(StringComparer.OrdinalIgnoreCase);
                _byPrefixSpan = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            _byPrefix.TryAdd(prefix, tenant);
        }

        public TenantMatch? Match(ReadOnlySpan<char> segment)
        {
            if (_byPrefix is not null && !segment.IsEmpty && _byPrefixSpan.TryGetValue(segment, out var prefixed))
            {
                return new TenantMatch(prefixed, prefixed.UrlPrefix);
            }

            return _withoutPrefix is null ? null : new TenantMatch(_withoutPrefix, null);
        }
    }
}
