using MimeKit;

namespace IdentityProvider.Email;

/// <summary>
/// Without an SMTP host (<c>dotnet run</c> on a laptop): each mail becomes an .eml file in <c>Email:PickupDirectory</c>,
/// which any mail program opens. Written under a temporary name and renamed, so a reader never sees half a file.
/// </summary>
public sealed class PickupDirectoryTransport(string folder, TimeProvider time) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }
}
