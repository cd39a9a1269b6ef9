using IdentityProvider.Data.Entities;

namespace IdentityProvider.Auditing;

/// <summary>
/// Told of every security event before it is saved, in the same unit of work, so what it adds to the database
/// (a notification in the mail outbox) is saved with the event or not at all. Declared here so that the security
/// log need not know who listens (the e-mail notifications do).
/// </summary>
public interface ISecurityEventObserver
{
    Task OnWritingAsync(SecurityEvent securityEvent);

    /// <summary>After the event (and what the observer added) was saved.</summary>
    void OnSaved();
}
