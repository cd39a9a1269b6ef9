using System.Data.Common;
using System.Net.Sockets;

namespace IdentityProvider.Data;

/// <summary>
/// Tells a database that cannot be used (connection refused, timeout, server shutting down, database or login gone)
/// from a request the database refused (bad text, a constraint). Warning: only the first may be answered as an outage
/// (503): bad input must not raise outage alerts. The drivers say which failures are transient; SQLSTATE classes
/// say the rest.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>SQLSTATE classes of an unusable database: connection (08), login (28), no such database (3D),
    /// insufficient resources (53), operator intervention such as a shutdown (57), system error (58).</summary>
    private static readonly string[] OutageClasses = ["08", "28", "3D", "53", "57", "58"];

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or SocketException
                || current is DbException { IsTransient: true }
                || current is DbException { SqlState: { Length: 5 } state } && OutageClasses.Contains(state[..2]))
            {
                return true;
            }
        }

        return false;
    }
}
