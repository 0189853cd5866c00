using Microsoft.AspNetCore.Http;

namespace Portal.Core.Web;

/// <summary>
/// Adds sources to the Content-Security-Policy of a response, e.g. the EMC monitoring script's
/// origin for a tenant that has an EMC site id. Called when the response starts (cached pages
/// included), for every response of a request whose tenant is resolved or not: keep it to a
/// memory read. Register with <c>TryAddEnumerable(ServiceDescriptor.Scoped&lt;IContentSecurityPolicyContributor, T&gt;())</c>.
/// </summary>
public interface IContentSecurityPolicyContributor
{
    ValueTask ContributeAsync(HttpContext context, ContentSecurityPolicyBuilder policy);
}

/// <summary>A Content-Security-Policy as directives and their sources, in a stable order.</summary>
public sealed class ContentSecurityPolicyBuilder
{
    private readonly List<(string Directive, List<string> Sources)> _directives = [];

    /// <summary>From a policy such as <c>default-src 'self'; script-src 'self'</c>.</summary>
    public ContentSecurityPolicyBuilder(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var part in policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _directives.Add((tokens[0], [.. tokens.Skip(1)]));
        }
    }

    /// <summary>Whether anything was added since it was parsed.</summary>
    public bool IsChanged { get; private set; }

    /// <summary>
    /// Adds a source (an origin such as <c>https://emc.gov.vn</c>) to a directive, creating the directive
    /// when missing. Sources with characters a header must not carry (<c>;</c>, <c>,</c>, spaces, quotes) are refused.
    /// </summary>
    public ContentSecurityPolicyBuilder Add(string directive, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directive);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (source.Any(c => c is ';' or ',' or '\'' or '"' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"Not a CSP source: '{source}'.", nameof(source));
        }

        return AddSource(directive, source);
    }

    /// <summary>Adds a hash source (<c>'sha256-&lt;base64&gt;'</c>) that allows one inline script or style.</summary>
    public ContentSecurityPolicyBuilder AddHash(string directive, string hashSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directive);
        ArgumentNullException.ThrowIfNull(hashSource);
        const string prefix = "'sha256-";
        if (!hashSource.StartsWith(prefix, StringComparison.Ordinal) || !hashSource.EndsWith('\'') ||
            !Convert.TryFromBase64String(hashSource[prefix.Length..^1], new byte[32], out var length) || length != 32)
        {
            throw new ArgumentException($"Not a CSP hash source: '{hashSource}'.", nameof(hashSource));
        }

        return AddSource(directive, hashSource);
    }

    private ContentSecurityPolicyBuilder AddSource(string directive, string source)
    {
        var entry = _directives.Find(d => d.Directive == directive);
        if (entry.Sources is null)
        {
            entry = (directive, []);
            _directives.Add(entry);
        }

        if (!entry.Sources.Contains(source, StringComparer.Ordinal))
        {
            entry.Sources.Add(source);
            IsChanged = true;
        }

        return this;
    }

    public override string ToString() => string.Join("; ", _directives.Select(d => string.Join(' ', d.Sources.Prepend(d.Directive))));
}
