namespace IdentityProvider.Email;

/// <summary>A rendered mail: subject, plain text and simple HTML (every mail carries both).</summary>
public sealed record MailContent(string Subject, string Text, string Html);
