namespace Portal.Modules.Contents.Models;

/// <summary>The item's title: <c>{"TitlePart":{"Title":"Giới thiệu"}}</c>.</summary>
public sealed class TitlePart
{
    public string? Title { get; set; }
}
