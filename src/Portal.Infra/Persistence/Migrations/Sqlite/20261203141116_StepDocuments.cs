using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StepDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StepDocuments",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepDocuments", x => new { x.SessionId, x.ResourceName });
                });

            // Notebooks recorded inside the steps move to their own table.
            migrationBuilder.Sql(
                """
                INSERT INTO "StepDocuments" ("SessionId", "ResourceName", "Content")
                SELECT "SessionId", "ResourceName", json_extract("Spec", '$.document') FROM "SessionSteps"
                WHERE json_extract("Spec", '$.document') IS NOT NULL;
                UPDATE "SessionSteps" SET "Spec" = json_set("Spec", '$.document', json('null'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StepDocuments");
        }
    }
}
