using Portal.Core.Security;

namespace Portal.Modules.Feedback;

public static class Permissions
{
    private const string Group = "Ý kiến bạn đọc";

    /// <summary>See the readers' ratings and comments, and export them.</summary>
    public static readonly Permission ViewFeedback = new(nameof(ViewFeedback), "Xem và xuất ý kiến bạn đọc", Group);

    /// <summary>Delete an abusive comment (the rating stays).</summary>
    public static readonly Permission ManageFeedback = new(nameof(ManageFeedback), "Xóa góp ý không phù hợp của bạn đọc", Group);

    public static IReadOnlyList<Permission> All { get; } = [ViewFeedback, ManageFeedback];
}
