using System.Data.Common;
using System.Net.Sockets;

namespace IdentityProvider.Data;

/// <summary>
/// Tells a database that cannot be reached (connection refused, timeout, server shutting down) from a request the
/// database refused (bad text, a constraint). Warning: only the first may be answered as an outage (503): bad input
/// must not raise outage alerts, and the drivers already say which failures are transient.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or SocketException || current is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
