using System.ComponentModel;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>Rich text body: <c>{"BodyPart":{"Html":"&lt;p&gt;...&lt;/p&gt;"}}</c>; sanitised before it is stored.</summary>
[DisplayName("Nội dung")]
public sealed class BodyPart
{
    [RichText]
    public string? Html { get; set; }
}
