using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Data.Entities;

/// <summary>A person who signs in at the provider.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The full name, released as the <c>name</c> claim.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The given (first) name, released as <c>given_name</c>; null when not recorded.</summary>
    public string? GivenName { get; set; }

    /// <summary>The family name (surname), released as <c>family_name</c>; null when not recorded.</summary>
    public string? FamilyName { get; set; }

    /// <summary>
    /// When the name, given name, family name, e-mail address or phone number last changed (<c>updated_at</c>); null when
    /// none has changed since the account was created (<see cref="CreatedAt"/> stands for it).
    /// </summary>
    public DateTimeOffset? ProfileUpdatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// An administrator disabled the account: no sign-in, refresh or token exchange until it is enabled again.
    /// Unlike a lockout it does not end by itself.
    /// </summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the user last completed a sign-in (every step it owed).</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>When a policy first required two-step sign-in of this user without a device: the grace period starts here.</summary>
    public DateTimeOffset? TwoStepGraceStartedAt { get; set; }

    /// <summary>When a policy first required a passkey of this user without one: the same grace period starts here.</summary>
    public DateTimeOffset? PasskeyGraceStartedAt { get; set; }

    /// <summary>An administrator suspended two-step sign-in (lost device): password alone until this moment.</summary>
    public DateTimeOffset? TwoStepDisabledUntil { get; set; }

    /// <summary>An administrator suspended two-step sign-in with no end.</summary>
    public bool TwoStepDisabledIndefinitely { get; set; }

    /// <summary>Why an administrator suspended two-step sign-in, for the security log and the admin page.</summary>
    public string? TwoStepDisabledReason { get; set; }

    /// <summary>
    /// The administrator's override of "Allow sign-in by token" for this user: <c>allow</c>, <c>deny</c>,
    /// or null to follow the provider-wide setting.
    /// </summary>
    public string? SignInByToken { get; set; }

    /// <summary>The user turned off the optional security mails (tokens, lockouts, suspension); device, password and recovery-code mails still go.</summary>
    public bool OptionalNotificationsOff { get; set; }

    /// <summary>
    /// The latest e-mailed password-reset link: its id is part of the token's purpose, so a newer link voids every older one.
    /// Cleared when a link is used.
    /// </summary>
    public string? PasswordResetLinkId { get; set; }

    /// <summary>When the latest e-mailed password-reset link stops working (<c>Email:ResetLinkMinutes</c> after it was sent).</summary>
    public DateTimeOffset? PasswordResetLinkExpiresAt { get; set; }

    /// <summary>
    /// The language the user reads (<c>en</c>, <c>ru</c>), for what reaches them outside a page (mails): the pages' language
    /// at their last completed sign-in or language switch. Null until then (mails use <c>Ui:DefaultLanguage</c>).
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The time zone (an IANA name) their browser reported at that moment; null when it never did (mails use <c>Ui:TimeZone</c>).</summary>
    public string? TimeZone { get; set; }
}
