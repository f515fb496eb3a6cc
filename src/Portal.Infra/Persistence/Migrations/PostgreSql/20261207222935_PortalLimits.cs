using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.PostgreSql
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
                    Scope = table.Column<string>(type: "character varying(264)", maxLength: 264, nullable: false),
                    MaxConcurrentSessions = table.Column<int>(type: "integer", nullable: true),
                    MaxWorkersPerSession = table.Column<int>(type: "integer", nullable: true),
                    MaxWorkersPerRegion = table.Column<int>(type: "integer", nullable: true),
                    MaxLifetimeHours = table.Column<int>(type: "integer", nullable: true),
                    IdleTimeoutMinMinutes = table.Column<int>(type: "integer", nullable: true),
                    IdleTimeoutMaxMinutes = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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
