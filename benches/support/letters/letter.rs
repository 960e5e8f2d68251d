//! One letter of a corpus, from its seed and index.

use super::*;

/// Letter `index` of a corpus.
pub fn letter(seed: u64, index: usize, companies: &[Company]) -> Generated {
    let mut rng = Rng::new(seed, index as u64);
    let company = &companies[rng.below(companies.len())];
    let year = rng.range(2005, 2025);
    let date = Date {
        y: year,
        m: rng.range(1, 12),
        d: rng.range(1, 28),
    };
    let form = if company.foreign {
        match rng.below(10) {
            0..=7 => Form::TwentyF,
            8 => Form::S4,
            _ => Form::EightK,
        }
    } else {
        match rng.below(20) {
            0..=7 => Form::TenK,
            8..=11 => Form::TenQ,
            12..=14 => Form::S1,
            15..=16 => Form::S4,
            _ => Form::EightK,
        }
    };
    let style = match rng.below(10) {
        0..=3 => Style::Classic,
        4..=7 => Style::Pdftotext,
        _ => Style::Markdown,
    };
    let completion = !form.registration() && rng.chance(0.025);
    let comments = if completion {
        0
    } else {
        let u = rng.unit();
        1 + (34.0 * u * u) as usize
    };
    // Bytes per comment: with the boilerplate (about 2 KB), letters land between about
    // 3 and 25 KB.
    let per_comment = rng
        .range(380, 720)
        .max(1300 / comments.max(1))
        .min(18_000 / comments.max(1));

    let first = rng.pick(FIRST).to_string();
    let last = rng.pick(LAST).to_string();
    let honorific = *rng.pick(&["Mr.", "Ms.", "Dr.", "Mr.", "Ms."]);
    let addressee = format!("{first} {last}");
    let filed = date.before(&mut rng);
    let fiscal = Date {
        y: filed.y - 1,
        m: 12,
        d: 31,
    };
    let file_no = if form.registration() {
        format!("333-{}", rng.range(100_000, 289_999))
    } else {
        format!("001-{}", rng.range(10_000, 41_999))
    };
    let mut subject = match form {
        Form::TenK => vec![format!(
            "Form 10-K for the Fiscal Year Ended December 31, {}",
            fiscal.y
        )],
        Form::TenQ => vec![format!(
            "Form 10-Q for the Quarterly Period Ended {} 30, {}",
            rng.pick(&["June", "September"]),
            filed.y
        )],
        Form::TwentyF => vec![format!(
            "Form 20-F for the Fiscal Year Ended December 31, {}",
            fiscal.y
        )],
        Form::S1 if rng.chance(0.3) => vec![format!(
            "Amendment No. {} to Registration Statement on Form S-1",
            rng.range(1, 3)
        )],
        Form::S1 => vec!["Registration Statement on Form S-1".into()],
        Form::S4 => vec!["Registration Statement on Form S-4".into()],
        Form::EightK => vec!["Form 8-K".into()],
    };
    let form_heading = subject[0].clone();
    subject.push(format!("Filed {}", filed.long()));
    subject.push(format!("File No. {file_no}"));

    let mut blocks = Vec::new();
    // Address block.
    let mut address = vec![
        addressee.clone(),
        rng.pick(TITLES).to_string(),
        company.name.clone(),
    ];
    address.extend(company.address.iter().cloned());
    blocks.push(Block::Lines(address));

    // Introduction.
    let old = year <= 2011;
    let (reviewed, respond, after) = if form.registration() {
        (
            "We have reviewed your registration statement and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to this letter by amending your registration statement and providing the requested information. If you do not believe our comments apply to your facts and circumstances or do not believe an amendment is appropriate, please tell us why in your response.",
            "After reviewing any amendment to your registration statement and the information you provide in response to these comments, we may have additional comments.",
        )
    } else if rng.chance(0.3) {
        (
            "We have limited our review of your filing to the financial statements and related disclosures and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to these comments within ten business days by providing the requested information or advise us as soon as possible when you will respond. If you do not believe our comments apply to your facts and circumstances, please tell us why in your response.",
            "After reviewing your response to these comments, we may have additional comments.",
        )
    } else {
        (
            "We have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to this letter within ten business days by amending your filing, by providing the requested information, or by advising us when you will provide the requested response. If you do not believe our comments apply to your facts and circumstances or do not believe an amendment is appropriate, please tell us why in your response.",
            "After reviewing any amendment to your filing and the information you provide in response to these comments, we may have additional comments.",
        )
    };
    if completion {
        if rng.chance(0.5) {
            let earlier = filed.before(&mut rng);
            blocks.push(Block::Para(format!(
                "We refer you to our comment letter dated {} regarding your disclosure. We have completed our review of your filing. We remind you that our comments or changes to disclosure in response to our comments do not foreclose the Commission from taking any action with respect to the company or the filing and the company may not assert staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.",
                earlier.long()
            )));
        } else {
            blocks.push(Block::Para(
                "We have completed our review of your filing. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.".into(),
            ));
        }
    } else {
        blocks.push(Block::Para(reviewed.into()));
        blocks.push(Block::Para(respond.into()));
        blocks.push(Block::Para(after.into()));

        // Comments under heading trails, in filing order.
        let sections = form.sections();
        let mut section = 0;
        let mut page = rng.range(1, 12);
        if rng.chance(0.5) {
            blocks.push(Block::Heading(form_heading.clone()));
        }
        for n in 1..=comments {
            if n == 1 && rng.chance(0.2) {
                blocks.push(Block::Heading("General".into()));
            } else if n == 1 || rng.chance(0.3) {
                section = (section + rng.below(2)).min(sections.len() - 1);
                blocks.push(Block::Heading(sections[section].to_string()));
                if rng.chance(0.8) {
                    page += rng.range(1, 12);
                    blocks.push(Block::Heading(format!("{}, page {page}", rng.pick(TOPICS))));
                }
                if rng.chance(0.15) {
                    section = (section + 1).min(sections.len() - 1);
                }
            } else if rng.chance(0.5) {
                page += rng.range(1, 9);
                blocks.push(Block::Heading(format!("{}, page {page}", rng.pick(TOPICS))));
            }
            let budget = per_comment * rng.range(60, 140) / 100;
            blocks.push(Block::Comment(
                n,
                comment_paragraphs(&mut rng, year, budget),
            ));
        }
    }

    // Closing.
    if old && !completion {
        blocks.push(Block::Para("We urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Securities Exchange Act of 1934 and all applicable Exchange Act rules require. Since the company and its management are in possession of all facts relating to a company's disclosure, they are responsible for the accuracy and adequacy of the disclosures they have made.".into()));
        blocks.push(Block::Para("In responding to our comments, please provide a written statement from the company acknowledging that the company is responsible for the adequacy and accuracy of the disclosure in the filing; staff comments or changes to disclosure in response to staff comments do not foreclose the Commission from taking any action with respect to the filing; and the company may not assert staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.".into()));
    } else if !completion {
        blocks.push(Block::Para("We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.".into()));
    }
    let staff: Vec<String> = (0..4)
        .map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)))
        .collect();
    let phone = |rng: &mut Rng| {
        if rng.chance(0.5) {
            format!("(202) 551-{}", rng.range(3000, 4999))
        } else {
            format!("202-551-{}", rng.range(3000, 4999))
        }
    };
    if !completion {
        let (p0, p1, p2) = (phone(&mut rng), phone(&mut rng), phone(&mut rng));
        blocks.push(Block::Para(format!(
            "You may contact {} at {p0} or {} at {p1} if you have questions regarding comments on the financial statements and related matters. Please contact {} at {p2} with any other questions.",
            staff[0], staff[1], staff[2]
        )));
    }
    let office = rng.pick(OFFICES).to_string();
    let mut signature = vec!["Sincerely,".to_string(), String::new()];
    if rng.chance(0.5) {
        signature.push(format!("/s/ {}", staff[3]));
        signature.push(String::new());
        signature.push(staff[3].clone());
        signature.push(
            rng.pick(&["Branch Chief", "Special Counsel", "Staff Accountant"])
                .to_string(),
        );
        signature.push(office);
    } else {
        signature.push("Division of Corporation Finance".into());
        signature.push(office);
    }
    blocks.push(Block::Lines(signature));
    if rng.chance(0.3) {
        blocks.push(Block::Lines(vec![
            format!("cc: {} {}, Esq.", rng.pick(FIRST), rng.pick(LAST)),
            format!("{} & {} LLP", rng.pick(LAST), rng.pick(LAST)),
        ]));
    }

    let text = render(
        &mut rng,
        style,
        &blocks,
        &Header {
            date,
            company: &company.name,
            addressee: &addressee,
            honorific,
            last: &last,
            subject: &subject,
        },
    );

    let drafts = (!completion && rng.chance(0.5)).then(|| drafts_text(&mut rng, comments));
    let ext = if style == Style::Markdown && rng.chance(0.5) {
        "md"
    } else {
        "txt"
    };
    let file_name = format!("{}_{}_{index:05}.{ext}", company.slug, date.iso());
    Generated {
        text,
        file_name,
        comments,
        completion,
        drafts,
        style,
        form,
        date: date.iso(),
    }
}
