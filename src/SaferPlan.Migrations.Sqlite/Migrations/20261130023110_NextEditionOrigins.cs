using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NextEditionOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PlanId",
                table: "PlanEditions");

            migrationBuilder.AddColumn<int>(
                name: "PreviousEditionId",
                table: "PlanEditions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OriginId",
                table: "Milestones",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OriginId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PriorityOrigin",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityOrigin", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityOrigin_Priorities_OriginId",
                        column: x => x.OriginId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PriorityOrigin_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PlanId_YearStart",
                table: "PlanEditions",
                columns: new[] { "PlanId", "YearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PreviousEditionId",
                table: "PlanEditions",
                column: "PreviousEditionId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OriginId",
                table: "Milestones",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OriginId",
                table: "Actions",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityOrigin_OriginId",
                table: "PriorityOrigin",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityOrigin_PriorityId_OriginId",
                table: "PriorityOrigin",
                columns: new[] { "PriorityId", "OriginId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Actions_OriginId",
                table: "Actions",
                column: "OriginId",
                principalTable: "Actions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Milestones_OriginId",
                table: "Milestones",
                column: "OriginId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanEditions_PlanEditions_PreviousEditionId",
                table: "PlanEditions",
                column: "PreviousEditionId",
                principalTable: "PlanEditions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Actions_OriginId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Milestones_OriginId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_PlanEditions_PlanEditions_PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropTable(
                name: "PriorityOrigin");

            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PlanId_YearStart",
                table: "PlanEditions");

            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_OriginId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OriginId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "OriginId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "OriginId",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PlanId",
                table: "PlanEditions",
                column: "PlanId");
        }
    }
}
