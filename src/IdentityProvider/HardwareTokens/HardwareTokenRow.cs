namespace IdentityProvider.HardwareTokens;

/// <summary>A token as the inventory shows it: never its seed, nor its counter.</summary>
/// <param name="Holder">The holder's e-mail address (or id when it has none); null in stock.</param>
public sealed record HardwareTokenRow(
    string Serial,
    string? Model,
    string Type,
    string Algorithm,
    int Digits,
    int PeriodSeconds,
    string Status,
    string? UserId,
    string? Holder,
    DateTimeOffset? AssignedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LastUsedAt);

/// <summary>Which tokens to list. Every part is optional; together they narrow.</summary>
/// <param name="Status">One of <see cref="HardwareTokenStatus.All"/>.</param>
/// <param name="Search">Part of a serial or of the holder's e-mail address.</param>
/// <param name="Serial">Part of the serial.</param>
/// <param name="User">The holder's id, or part of the holder's e-mail address.</param>
public sealed record HardwareTokenFilter(string? Status = null, string? Search = null, string? Serial = null, string? User = null);

/// <summary>One page of the tokens a filter matches, and how many it matches in all.</summary>
public sealed record HardwareTokenListPage(IReadOnlyList<HardwareTokenRow> Tokens, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
