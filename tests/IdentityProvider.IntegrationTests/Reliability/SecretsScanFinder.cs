using System.Buffers;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>
/// Finds known secrets in text, all at once (one multi-string search per line), and says which kind was found where,
/// showing only the first characters of the secret.
/// </summary>
internal sealed class SecretFinder(IReadOnlyDictionary<string, string> secrets)
{
    private const int ShownCharacters = 6;

    private readonly SearchValues<string> values = SearchValues.Create([.. secrets.Keys], StringComparison.Ordinal);

    /// <summary>In a <c>pg_dump</c> output of <paramref name="database"/>: where is the table of the <c>COPY</c> block.</summary>
    public List<string> InDump(string database, string dump)
    {
        var findings = new List<string>();
        var table = "?";
        foreach (var line in dump.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("COPY ", StringComparison.Ordinal))
            {
                table = line[5..].ToString().Split(' ')[0];
            }
            else
            {
                findings.AddRange(Find(line).Select(hit => $"{hit.Kind} \"{hit.Shown}…\" in database {database}, table {table}"));
            }
        }

        return findings;
    }

    public IEnumerable<string> InLogLines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (var (kind, shown) in Find(line))
            {
                yield return $"{kind} \"{shown}…\" in a log line: {line[..Math.Min(line.Length, 120)].Split('|')[0]}";
            }
        }
    }

    private List<(string Kind, string Shown)> Find(ReadOnlySpan<char> text)
    {
        var found = new List<(string, string)>();
        var offset = 0;
        while (offset < text.Length && text[offset..].IndexOfAny(values) is var index and >= 0)
        {
            var at = text[(offset + index)..];
            var secret = "";
            foreach (var candidate in secrets.Keys)
            {
                if (candidate.Length > secret.Length && at.StartsWith(candidate, StringComparison.Ordinal))
                {
                    secret = candidate;
                }
            }

            found.Add((secrets[secret], secret[..ShownCharacters]));
            offset += index + secret.Length;
        }

        return found;
    }
}
