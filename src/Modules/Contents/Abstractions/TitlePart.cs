using System.ComponentModel;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>The item's title: <c>{"TitlePart":{"Title":"Giới thiệu"}}</c>.</summary>
[DisplayName("Tiêu đề")]
public sealed class TitlePart
{
    public string? Title { get; set; }
}
