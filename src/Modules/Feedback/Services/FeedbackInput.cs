using System.Text;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Feedback.Models;

namespace Portal.Modules.Feedback.Services;

/// <summary>A reader's answer once checked: the rating, the page's normalised path, the cleaned comment (or null).</summary>
public sealed record ValidFeedback(bool Helpful, string Path, string? Comment);

/// <summary>
/// Checks what the form posts, strictly: the rating is <c>yes</c> or <c>no</c>; the path is a
/// page path (ASCII slug segments, as RoutePart stores them); the comment is plain text,
/// trimmed, in NFC, control characters removed, at most <see cref="FeedbackEntry.CommentMaxLength"/> characters.
/// </summary>
public static class FeedbackInput
{
    public const string RatingField = "helpful";
    public const string PathField = "path";
    public const string CommentField = "comment";

    public const string Yes = "yes";
    public const string No = "no";

    public const string RatingRequired = "Vui lòng chọn Có hoặc Không.";
    public const string UnknownPage = "Không tìm thấy trang được góp ý.";
    public const string CommentTooLong = "Góp ý dài quá 500 ký tự.";
    public const string CommentInvalid = "Góp ý có ký tự không hợp lệ.";

    public static bool TryValidate(string? rating, string? path, string? comment, out ValidFeedback? feedback, out string? error)
    {
        feedback = null;
        error = null;
        bool helpful;
        switch (rating?.Trim())
        {
            case Yes:
                helpful = true;
                break;
            case No:
                helpful = false;
                break;
            default:
                error = RatingRequired;
                return false;
        }

        if (NormalizePath(path) is not { } page)
        {
            error = UnknownPage;
            return false;
        }

        if (!TryCleanComment(comment, out var text, out error))
        {
            return false;
        }

        feedback = new ValidFeedback(helpful, page, text);
        return true;
    }

    /// <summary>The path as RoutePart stores it, or null when it cannot be a page's path (empty, too long, not a slug path).</summary>
    public static string? NormalizePath(string? path)
    {
        var normalized = RoutePart.Normalize(path);
        if (normalized.Length is 0 or > FeedbackEntry.PathMaxLength)
        {
            return null;
        }

        foreach (var segment in normalized.Split('/'))
        {
            if (segment.Length == 0 || !segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return null;
            }
        }

        return normalized;
    }

    /// <summary>
    /// The comment as stored: null when blank; else line breaks kept as <c>\n</c>, other control
    /// characters dropped, NFC, trimmed. Refused when longer than the limit or not valid Unicode.
    /// </summary>
    public static bool TryCleanComment(string? comment, out string? text, out string? error)
    {
        text = null;
        error = null;
        if (string.IsNullOrWhiteSpace(comment))
        {
            return true;
        }

        var builder = new StringBuilder(comment.Length);
        foreach (var c in comment.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\n')
            {
                builder.Append(c);
            }
            else if (c is '\t' or '\r')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && c is not ('\u200B' or '\u202E' or '\u202D' or '\uFEFF'))
            {
                builder.Append(c);
            }
        }

        string normalized;
        try
        {
            normalized = builder.ToString().Normalize(NormalizationForm.FormC).Trim();
        }
        catch (ArgumentException)
        {
            // A lone surrogate: not text a browser sends.
            error = CommentInvalid;
            return false;
        }

        if (normalized.Length > FeedbackEntry.CommentMaxLength)
        {
            error = CommentTooLong;
            return false;
        }

        text = normalized.Length == 0 ? null : normalized;
        return true;
    }
}
