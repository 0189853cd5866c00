using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Time-based one-time passwords as authenticator apps compute them (RFC 6238 over RFC 4226:
/// HMAC-SHA1, 30-second steps, 6 digits), and the Base32 keys (RFC 4648) they are given.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The 30-second step an instant falls in.</summary>
    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/> for a raw key.</summary>
    public static int Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 as every authenticator app computes it: HMAC-SHA1 (a MAC, where SHA-1's collisions do not matter).
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff;
        return binary % 1_000_000;
    }

    /// <summary>The code as typed: six digits, leading zeros kept.</summary>
    public static string Format(int code) => code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Decodes a Base32 key (case, spaces, dashes and padding ignored); null when it is not Base32.</summary>
    public static byte[]? FromBase32(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }

            var value = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return output.Count == 0 ? null : [.. output];
    }
}
