namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// The editor of a part in the content admin, registered with
/// <c>AddContentPart&lt;TPart&gt;().WithEditor&lt;TEditor&gt;()</c> and resolved from the request's services.
/// Parts without one get the admin's generic editor.
/// </summary>
public interface IContentPartEditor
{
    /// <summary>The Razor partial view that renders the part's inputs; its model is the part's JSON object.</summary>
    string EditorPartial { get; }
}
