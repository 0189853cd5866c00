using System.Text;
using System.Xml;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Feeds.Services;

/// <summary>Writes the RSS 2.0 feed and the sitemap as UTF-8 XML (no byte order mark).</summary>
internal static class FeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        Async = false,
        CheckCharacters = true,
    };

    /// <summary>An RSS 2.0 channel: the site (or one category of it) and its newest news.</summary>
    public static byte[] Rss(RssChannel channel, IEnumerable<PublicItemSummary> items, SiteAddress site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(site);
        var list = items.Where(i => i.Path is not null).ToList();
        return Write(xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", Safe(channel.Title));
            xml.WriteElementString("link", channel.Link);
            xml.WriteElementString("description", Safe(channel.Description));
            xml.WriteElementString("language", "vi");
            xml.WriteElementString("lastBuildDate", FeedFormats.Rfc822(list.Count > 0 ? list.Max(i => i.PublishedUtc) : now));
            xml.WriteElementString("generator", "Portal.Orchard");
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", channel.Self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in list)
            {
                var link = site.Page(item.Path!);
                xml.WriteStartElement("item");
                xml.WriteElementString("title", Safe(item.Title));
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                if (!string.IsNullOrWhiteSpace(item.Summary))
                {
                    xml.WriteElementString("description", Safe(item.Summary));
                }

                xml.WriteElementString("pubDate", FeedFormats.Rfc822(item.PublishedUtc));
                if (site.Media(item.ImagePath) is { } image)
                {
                    xml.WriteStartElement("enclosure");
                    xml.WriteAttributeString("url", image);
                    xml.WriteAttributeString("length", "0");
                    xml.WriteAttributeString("type", ImageType(image));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    /// <summary>The sitemap: the home page, each category page and each published item with a page.</summary>
    public static byte[] Sitemap(IReadOnlyList<PublicItemSummary> items, IEnumerable<TaxonomyTermInfo> categories, SiteAddress site)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(site);
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            Url(xml, site.Home, items.Count > 0 ? items.Max(i => i.ModifiedUtc) : null);
            foreach (var category in categories)
            {
                Url(xml, site.Page("chuyen-muc/" + category.Slug), null);
            }

            foreach (var item in items.Where(i => i.Path is not null))
            {
                Url(xml, site.Page(item.Path!), item.ModifiedUtc);
            }

            xml.WriteEndElement();
        });
    }

    private static void Url(XmlWriter xml, string location, DateTimeOffset? modified)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, location);
        if (modified is { } value)
        {
            xml.WriteElementString("lastmod", SitemapNamespace, FeedFormats.W3C(value));
        }

        xml.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>Text without the characters XML cannot carry (control characters an editor pasted).</summary>
    private static string Safe(string? text) =>
        string.IsNullOrEmpty(text) || text.All(IsXmlChar) ? text ?? "" : new string([.. text.Where(IsXmlChar)]);

    // Surrogates are kept: a pair is one character XML allows (an emoji).
    private static bool IsXmlChar(char c) => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);

    private static string ImageType(string url) =>
        Path.GetExtension(new Uri(url).AbsolutePath).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            _ => "image/jpeg",
        };
}

/// <summary>What an RSS channel says of itself: its title, the page it mirrors, a description and its own address.</summary>
internal sealed record RssChannel(string Title, string Link, string Description, string Self);
