using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Portal.Core.Text;

/// <summary>
/// An HTML encoder that leaves Vietnamese letters as they are ("Tài chính", not "T&amp;#224;i ch&amp;#237;nh"):
/// pages stay readable and smaller. Markup characters are still encoded.
/// </summary>
public static class VietnameseHtml
{
    public static readonly TextEncoderSettings Settings = new(UnicodeRanges.All);

    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(Settings);

    public static string Encode(string text) => Encoder.Encode(text);
}
