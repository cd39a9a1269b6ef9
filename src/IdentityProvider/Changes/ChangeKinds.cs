namespace IdentityProvider.Changes;

/// <summary>
/// What an administrator can change that an instance keeps in memory beyond one request, each announced by its own
/// stored-setting row (<see cref="ChangeAnnouncer"/>) and watched by every instance (<see cref="ChangeWatcher"/>).
/// </summary>
public static class ChangeKinds
{
    /// <summary>A client registration changed or was deleted (its redirect URIs, permissions, secret): the client cache.</summary>
    public const string Clients = "changes.clients";

    /// <summary>A scope was registered, changed or deleted: the discovery document's <c>scopes_supported</c>.</summary>
    public const string Scopes = "changes.scopes";

    public static readonly IReadOnlyList<string> All = [Clients, Scopes];
}
