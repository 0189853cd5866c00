namespace Portal.Modules.Contents.Models;

/// <summary>Rich text body: <c>{"BodyPart":{"Html":"&lt;p&gt;...&lt;/p&gt;"}}</c>; sanitised before it is stored.</summary>
public sealed class BodyPart
{
    public string? Html { get; set; }
}
