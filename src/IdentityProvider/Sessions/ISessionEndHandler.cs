namespace IdentityProvider.Sessions;

/// <summary>
/// Work that must happen when a user signs out of this browser, contributed by the features that keep
/// per-browser state (a remembered browser is forgotten "until the user signs out"), so the session
/// does not depend on them.
/// </summary>
public interface ISessionEndHandler
{
    Task SessionEndingAsync(string userId);
}
