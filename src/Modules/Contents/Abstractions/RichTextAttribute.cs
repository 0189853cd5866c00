namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Marks a string property of a part (or of an object nested in a part, at any depth, lists
/// included) as rich text (HTML): the content manager sanitises it before it is stored and
/// the version diff compares it as text. Nothing is sanitised by property name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class RichTextAttribute : Attribute;
