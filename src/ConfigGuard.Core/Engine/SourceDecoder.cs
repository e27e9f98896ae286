using System;
using System.Text;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// Turns a file's bytes into text, or says why not. UTF-8 (with or without BOM) and UTF-16 with BOM are decoded;
/// a NUL byte in the first 8 KB without a UTF-16 BOM means binary (skipped with a notice); invalid UTF-8 is decoded
/// with replacement characters and a notice, so an ASCII secret in a Latin-1 file is still found.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text, or null when the file should be skipped; <paramref name="notice"/> says why, or what was repaired.</returns>
    public static string? Decode(byte[] bytes, int count, out string? notice)
    {
        notice = null;
        if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, count - 2);
        if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, count - 2);
        int start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int probe = Math.Min(count, 8192);
        for (int i = start; i < probe; i++)
        {
            if (bytes[i] == 0)
            {
                notice = "binary file (NUL byte at offset " + i + "), skipped";
                return null;
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes, start, count - start);
        }
        catch (DecoderFallbackException e)
        {
            notice = $"not valid UTF-8 (first bad byte at offset {e.Index + start}); analyzed with invalid bytes replaced";
            return Encoding.UTF8.GetString(bytes, start, count - start);
        }
    }
}
