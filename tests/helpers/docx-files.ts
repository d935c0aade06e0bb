/**
 * Test files for the import: a .docx written by the `docx` library (as Word would: styles,
 * numbering, merged cells), and one assembled from hand-written WordprocessingML for what the
 * library cannot write — tracked changes by several authors and comments.
 */
import {
	AlignmentType,
	Document,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun
} from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';

export async function libraryDocx(): Promise<Uint8Array> {
	const doc = new Document({
		numbering: {
			config: [
				{
					reference: 'steps',
					levels: [
						{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
						{ level: 1, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }
					]
				}
			]
		},
		sections: [
			{
				children: [
					new Paragraph({ text: '一、建设目标', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({
						children: [
							new TextRun('到2030年，'),
							new TextRun({ text: '数据共享率', bold: true }),
							new TextRun('达到95%。')
						]
					}),
					new Paragraph({ text: '（一）主要任务', heading: HeadingLevel.HEADING_2 }),
					new Paragraph({ text: '建设城市数据底座', numbering: { reference: 'steps', level: 0 } }),
					new Paragraph({ text: '统一数据标准', numbering: { reference: 'steps', level: 1 } }),
					new Paragraph({ text: '建设一网统管平台', numbering: { reference: 'steps', level: 0 } }),
					new Table({
						rows: [
							new TableRow({
								children: [
									new TableCell({ children: [new Paragraph('项目')] }),
									new TableCell({ children: [new Paragraph('投资（万元）')], columnSpan: 2 })
								]
							}),
							new TableRow({
								children: [
									new TableCell({ children: [new Paragraph('数据底座')], rowSpan: 2 }),
									new TableCell({ children: [new Paragraph('2026')] }),
									new TableCell({ children: [new Paragraph('1200')] })
								]
							}),
							new TableRow({
								children: [
									new TableCell({ children: [new Paragraph('2027')] }),
									new TableCell({ children: [new Paragraph('800')] })
								]
							})
						]
					}),
					new Paragraph({ text: '' }),
					new Paragraph({ children: [new TextRun('结束语。')] })
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx from the given document body XML (and comments), as Word lays it out. */
export function handWrittenDocx(
	body: string,
	options: { comments?: string; contentType?: string; extra?: Zippable } = {}
): Uint8Array {
	const mainType =
		options.contentType ??
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
	const files: Zippable = {
		'[Content_Types].xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${mainType}"/></Types>`
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
		),
		'word/document.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`
		),
		...(options.comments && {
			'word/comments.xml': strToU8(
				`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}>${options.comments}</w:comments>`
			)
		}),
		...options.extra
	};
	return zipSync(files);
}

/** Two authors' tracked changes and a comment, as Word writes them. */
export function revisedDocx(): Uint8Array {
	return handWrittenDocx(
		'<w:p><w:r><w:t xml:space="preserve">推进</w:t></w:r>' +
			'<w:ins w:id="1" w:author="张伟" w:date="2026-11-20T10:00:00Z"><w:r><w:t>政务</w:t></w:r></w:ins>' +
			'<w:r><w:t>数据</w:t></w:r>' +
			'<w:del w:id="2" w:author="李娜" w:date="2026-11-21T11:30:00Z"><w:r><w:delText>全面</w:delText></w:r></w:del>' +
			'<w:commentRangeStart w:id="0"/><w:r><w:t>共享开放</w:t></w:r><w:commentRangeEnd w:id="0"/>' +
			'<w:r><w:commentReference w:id="0"/></w:r></w:p>' +
			'<w:p><w:ins w:id="3" w:author="张伟" w:date="2026-11-20T10:05:00Z"><w:r><w:t>新增一句。</w:t></w:r></w:ins></w:p>',
		{
			comments:
				'<w:comment w:id="0" w:author="王强" w:date="2026-11-22T09:00:00Z"><w:p><w:r><w:t>请补充开放目录。</w:t></w:r></w:p></w:comment>'
		}
	);
}

/**
 * A .docx with pictures, as the `docx` library (like Word) writes them: a paragraph holding only a
 * picture with a description, one with words and a picture, and a picture the image module
 * refuses (a PNG whose header claims 20000 × 20000 pixels).
 */
export async function picturedDocx(images: {
	good: Uint8Array;
	bomb: Uint8Array;
}): Promise<Uint8Array> {
	const picture = (data: Uint8Array, description: string) =>
		new ImageRun({
			type: 'png',
			data,
			transformation: { width: 120, height: 80 },
			altText: { name: description, description, title: description }
		});
	const doc = new Document({
		sections: [
			{
				children: [
					new Paragraph('总体架构如下图所示。'),
					new Paragraph({ children: [picture(images.good, '城市数据底座架构图')] }),
					new Paragraph({
						children: [new TextRun('部署示意：'), picture(images.good, '部署示意图')]
					}),
					new Paragraph({ children: [picture(images.bomb, '超大图片')] }),
					new Paragraph('以上为架构说明。')
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
