namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// What the content admin shows of a part: its inputs, each editing one property of the part's
/// JSON object with one of the admin's input kinds (text, rich text, date, media...). Registered
/// with <c>AddContentPart&lt;TPart&gt;().WithEditor&lt;TEditor&gt;()</c> and resolved from the
/// request's services; the admin renders, checks (rich text sanitised) and saves the values. A
/// part without an editor has no inputs (its values come from handlers or recipes).
/// </summary>
public interface IContentPartEditor
{
    IReadOnlyList<ContentPartInput> Inputs { get; }
}

/// <summary>One input of a part in the content admin.</summary>
/// <param name="Property">The property of the part's JSON object (<c>Title</c>, <c>Number</c>).</param>
/// <param name="Label">The Vietnamese label.</param>
public sealed record ContentPartInput(string Property, string Label, EditorKind Kind, bool Required = false)
{
    public string? Hint { get; init; }

    /// <summary>Shown after the type's fields rather than before them (long text such as the body).</summary>
    public bool AfterFields { get; init; }
}
