namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// The records of a NUL-separated listing (`git ls-files -z`), read from a stream as they come instead of from one
/// string of the whole output. Written here because .NET has no reader that splits a stream at a character without
/// holding all of it; a few lines over a reused buffer.
/// </summary>
public static class NulSeparatedRecords
{
    /// <summary>One record: its first character (git's tag with -t) and its text after the first <c>skip</c> characters.</summary>
    public readonly record struct Record(char First, string Text);

    /// <param name="skip">Characters at the start of each record that are not part of its text (`-t`'s "H ").</param>
    /// <remarks>A record shorter than <paramref name="skip"/> + 1 characters (git never prints one) is left out.</remarks>
    public static IEnumerable<Record> Read(TextReader reader, int skip)
    {
        var buffer = new char[16 * 1024];
        int start = 0, end = 0;
        while (true)
        {
            int read = reader.Read(buffer, end, buffer.Length - end);
            if (read == 0) break;
            end += read;
            int at;
            while ((at = Array.IndexOf(buffer, '\0', start, end - start)) >= 0)
            {
                if (at - start > skip) yield return new Record(buffer[start], new string(buffer, start + skip, at - start - skip));
                start = at + 1;
            }
            // Keep the unfinished record: move it to the front, or grow the buffer when it fills all of it.
            int left = end - start;
            if (start == 0 && left == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            else if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, left);
                start = 0;
                end = left;
            }
        }
        if (end - start > skip) yield return new Record(buffer[start], new string(buffer, start + skip, end - start - skip));
    }
}
