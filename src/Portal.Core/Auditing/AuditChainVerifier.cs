using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Auditing;

/// <summary>What verifying one tenant's chain found: OK, or the first broken row and why (Vietnamese).</summary>
public sealed record AuditVerification(long Rows, long? BrokenSequence, long? BrokenId, string? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Recomputes the current tenant's chain, row by row in sequence order, and reports the first
/// break: an edited row (its hash does not match its content), a removed row (a gap in the
/// sequence, or a previous hash that is not the previous row's), removed rows at the end (the
/// chain's head names a later row), or rows outside the chain.
/// </summary>
public sealed class AuditChainVerifier(PortalDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.Set<AuditChain>().AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? new AuditChain { LastSequence = 0 };
        var rows = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ThenBy(e => e.Id).AsAsyncEnumerable();
        return await VerifyAsync(head, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The check itself, on any ordered rows (by <see cref="AuditEntry.Sequence"/>).</summary>
    public static async Task<AuditVerification> VerifyAsync(AuditChain head, IAsyncEnumerable<AuditEntry> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(rows);
        long count = 0;
        var expectedSequence = head.FirstSequence;
        var expectedPrev = head.FirstPrevHash;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var problem = row.Sequence < 1
                ? "dòng không thuộc chuỗi băm (ghi trước khi có chuỗi, hoặc chèn ngoài ứng dụng)"
                : row.Sequence < expectedSequence
                    ? $"số thứ tự {row.Sequence} bị lặp lại hoặc nằm trước điểm bắt đầu của chuỗi ({head.FirstSequence})"
                    : row.Sequence > expectedSequence
                        ? (expectedSequence == row.Sequence - 1
                            ? $"thiếu dòng số {expectedSequence} (đã bị xóa)"
                            : $"thiếu các dòng số {expectedSequence} đến {row.Sequence - 1} (đã bị xóa)")
                        : !string.Equals(AuditHash.Compute(row), row.Hash, StringComparison.Ordinal)
                            ? "nội dung dòng đã bị sửa (mã băm không khớp với nội dung)"
                            : !string.Equals(row.PrevHash, expectedPrev, StringComparison.Ordinal)
                                ? "mã băm của dòng trước không khớp (dòng trước đã bị xóa hoặc bị sửa)"
                                : null;
            if (problem is not null)
            {
                return new AuditVerification(count, row.Sequence, row.Id, problem);
            }

            expectedSequence++;
            expectedPrev = row.Hash;
        }

        if (expectedSequence - 1 != head.LastSequence || !string.Equals(expectedPrev, head.LastHash, StringComparison.Ordinal))
        {
            return new AuditVerification(count, expectedSequence, null, expectedSequence - 1 < head.LastSequence
                ? $"thiếu các dòng cuối, từ số {expectedSequence} đến {head.LastSequence} (đã bị xóa)"
                : $"đầu chuỗi ghi dòng cuối là số {head.LastSequence}, không khớp với dữ liệu");
        }

        return new AuditVerification(count, null, null, null);
    }
}
