namespace ConfigGuard.Core.Kustomize;

/// <summary>Container image references: <c>registry:5000/org/app:1.2@sha256:...</c> split into name and tag/digest.</summary>
public static class KustomizeImages
{
    /// <returns>The name, and the rest including its ':' or '@' ("" when the image has neither).</returns>
    public static (string Name, string TagPart) Split(string image)
    {
        int at = image.IndexOf('@');
        string beforeDigest = at < 0 ? image : image.Substring(0, at);
        int slash = beforeDigest.LastIndexOf('/');
        int colon = beforeDigest.IndexOf(':', slash + 1);
        int cut = colon >= 0 ? colon : at;
        return cut < 0 ? (image, "") : (image.Substring(0, cut), image.Substring(cut));
    }

    /// <summary>The tag of an image reference, or null.</summary>
    public static string? Tag(string image)
    {
        var (_, rest) = Split(image);
        if (!rest.StartsWith(":", System.StringComparison.Ordinal)) return null;
        int at = rest.IndexOf('@');
        return at < 0 ? rest.Substring(1) : rest.Substring(1, at - 1);
    }
}
