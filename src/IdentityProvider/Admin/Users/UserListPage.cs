namespace IdentityProvider.Admin.Users;

/// <summary>One page of the users matching a search, and how many matched in all.</summary>
public sealed record UserListPage(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
