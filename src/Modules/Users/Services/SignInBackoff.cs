using System.Collections.Concurrent;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Per-account back-off on this node, on top of the per-address rate limit and Identity's
/// lockout: after <see cref="FreeFailures"/> consecutive failures for a user name (existing or
/// not, so the answer never tells which), the next attempt is refused unheard until a wait that
/// doubles with each further failure (30 s, 1 min, 2 min ... at most 15 min). A success clears it.
/// Kept in memory: a restart forgets it, several nodes each keep their own (Identity's lockout,
/// stored in the database, stays the shared bound).
/// </summary>
public sealed class SignInBackoff(TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    // Entries older than this are forgotten when the table grows past MaxEntries.
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True while the account must wait before its next attempt is checked.</summary>
    public bool IsWaiting(string tenantId, string userName) =>
        _entries.TryGetValue(Key(tenantId, userName), out var entry) && clock.GetUtcNow() < entry.NotBefore;

    public void Failed(string tenantId, string userName)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var stale in _entries.Where(e => now - e.Value.LastFailure > Forget).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }

        _entries.AddOrUpdate(Key(tenantId, userName),
            _ => new Entry(1, now, now),
            (_, entry) =>
            {
                var failures = entry.Failures + 1;
                return new Entry(failures, now, now + WaitAfter(failures));
            });
    }

    public void Succeeded(string tenantId, string userName) => _entries.TryRemove(Key(tenantId, userName), out _);

    /// <summary>The wait imposed after the <paramref name="failures"/>-th consecutive failure.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var wait = FirstWait * (1 << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    private static string Key(string tenantId, string userName) => tenantId + "|" + userName.Trim().ToUpperInvariant();

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset NotBefore);
}
