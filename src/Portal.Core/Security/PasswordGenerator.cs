using System.Security.Cryptography;

namespace Portal.Core.Security;

public static class PasswordGenerator
{
    /// <summary>16 random characters with lower case, upper case and digits (no look-alikes such as l/1, O/0).</summary>
    public static string Generate()
    {
        const string Lower = "abcdefghijkmnpqrstuvwxyz";
        const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string Digits = "23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch { 0 => Lower, 1 => Upper, _ => Digits };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
