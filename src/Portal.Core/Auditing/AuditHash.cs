using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Auditing;

/// <summary>
/// The canonical form of an audit row and its hash. The form is UTF-8 text, one field per line,
/// each line ending with a line feed (U+000A), in this fixed order:
/// <code>
/// portal-audit/1
/// tenant=&lt;value&gt;        TenantId
/// seq=&lt;value&gt;           Sequence, decimal, no sign or leading zeros
/// at=&lt;value&gt;            AtUtc in UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ (microseconds)
/// user_id=&lt;value&gt;       UserId
/// user=&lt;value&gt;          Actor (user name or "system")
/// client=&lt;value&gt;        ClientAddress
/// os_user=&lt;value&gt;       OsUser
/// action=&lt;value&gt;        Action
/// subject=&lt;value&gt;       Subject
/// details=&lt;value&gt;       Details
/// prev=&lt;value&gt;          PrevHash
/// </code>
/// A text value is written as <c>&lt;n&gt;:&lt;text&gt;</c>, n being the number of UTF-8 bytes of the
/// text (so a value holding a line feed or "=" cannot pass for another field), and a null
/// value as <c>-</c> (an empty text is <c>0:</c>). The hash is SHA-256 of those bytes,
/// written as 64 lower-case hex digits. The first row of a chain has
/// <see cref="Genesis"/> (64 zeros) as its previous hash.
/// </summary>
public static class AuditHash
{
    public const string Version = "portal-audit/1";

    /// <summary>The previous hash of a tenant's first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Instants are hashed, and stored, at microsecond precision (PostgreSQL's); call before
    /// hashing a new row so that what is stored is what was hashed.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(Version).Append('\n');
        Text(text, "tenant", entry.TenantId);
        text.Append("seq=").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("at=").Append(Truncate(entry.AtUtc).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append('\n');
        Text(text, "user_id", entry.UserId);
        Text(text, "user", entry.Actor);
        Text(text, "client", entry.ClientAddress);
        Text(text, "os_user", entry.OsUser);
        Text(text, "action", entry.Action);
        Text(text, "subject", entry.Subject);
        Text(text, "details", entry.Details);
        Text(text, "prev", entry.PrevHash);
        return text.ToString();
    }

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    private static void Text(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null)
        {
            text.Append('-');
        }
        else
        {
            text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}
