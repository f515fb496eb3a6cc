using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalLimits",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 264, nullable: false),
                    MaxConcurrentSessions = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxWorkersPerSession = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxWorkersPerRegion = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxLifetimeHours = table.Column<int>(type: "INTEGER", nullable: true),
                    IdleTimeoutMinMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    IdleTimeoutMaxMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalLimits", x => x.Scope);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalLimits");
        }
    }
}
