using System.Net.Sockets;
using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IdentityProvider.UnitTests.Data;

public class DatabaseOutageTests
{
    [Fact]
    public void Is_ConnectionRefused_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void Is_TimeoutInsideEfException_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("query failed", new TimeoutException())));

    [Theory]
    [InlineData("22021")] // invalid byte sequence: NUL in text
    [InlineData("23505")] // unique violation
    [InlineData("22001")] // value too long
    public void Is_RequestRefusedByTheDatabase_IsNotAnOutage(string sqlState) =>
        Assert.False(DatabaseOutage.Is(new DbUpdateException("save failed", new PostgresException("refused", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void Is_AdministratorShutdown_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new PostgresException("terminating connection", "FATAL", "FATAL", "57P01")));
}
