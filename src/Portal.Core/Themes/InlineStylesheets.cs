using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Web;

namespace Portal.Core.Themes;

/// <summary>A stylesheet (a static web asset such as <c>/_content/Portal.Themes.Default/site.css</c>) that public pages carry inline.</summary>
public sealed record InlineStylesheet(string Path, int Order);

/// <summary>
/// The public pages' stylesheets, inlined in one <c>&lt;style&gt;</c> of the layout's head: a
/// stylesheet file blocks the first paint for one more round trip (on Lighthouse's mobile profile
/// the LCP's render delay was 850 ms with two of them). The text is read once from the web root
/// (static web assets included) and allowed by its SHA-256 in the Content-Security-Policy, which
/// otherwise refuses inline styles; it is the same for every page, so cached pages keep it.
/// </summary>
public sealed class InlineStylesheets(IEnumerable<InlineStylesheet> sheets, IWebHostEnvironment environment)
{
    private readonly Lazy<(HtmlString Style, string Hash)> _content = new(() => Load(sheets, environment));

    /// <summary>The <c>&lt;style&gt;</c> element to put in the head.</summary>
    public IHtmlContent Style => _content.Value.Style;

    /// <summary>The CSP source that allows it: <c>'sha256-…'</c>.</summary>
    public string CspSource => _content.Value.Hash;

    private static (HtmlString, string) Load(IEnumerable<InlineStylesheet> sheets, IWebHostEnvironment environment)
    {
        var css = new StringBuilder();
        foreach (var sheet in sheets.OrderBy(s => s.Order).ThenBy(s => s.Path, StringComparer.Ordinal))
        {
            var file = environment.WebRootFileProvider.GetFileInfo(sheet.Path.TrimStart('/'));
            if (!file.Exists)
            {
                throw new InvalidOperationException($"The inline stylesheet {sheet.Path} is not in the web root.");
            }

            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (text.Contains("</style", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The inline stylesheet {sheet.Path} contains '</style'.");
            }

            css.Append(text.Trim()).Append('\n');
        }

        var content = css.ToString();
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return (new HtmlString($"<style>{content}</style>"), $"'sha256-{hash}'");
    }
}

/// <summary>Adds the inline stylesheets' hash to <c>style-src</c>.</summary>
internal sealed class InlineStylesheetsPolicy(InlineStylesheets stylesheets) : IContentSecurityPolicyContributor
{
    public ValueTask ContributeAsync(HttpContext context, ContentSecurityPolicyBuilder policy)
    {
        policy.AddHash("style-src", stylesheets.CspSource);
        return ValueTask.CompletedTask;
    }
}

public static class InlineStylesheetServiceCollectionExtensions
{
    /// <summary>Public pages carry this stylesheet inline (lower <paramref name="order"/> first: the theme's before the modules').</summary>
    public static IServiceCollection AddInlineStylesheet(this IServiceCollection services, string path, int order = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.AddSingleton(new InlineStylesheet(path, order));
        services.TryAddSingleton<InlineStylesheets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContentSecurityPolicyContributor, InlineStylesheetsPolicy>());
        return services;
    }
}
