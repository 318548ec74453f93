import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { cleanup, mount } from '../test/helpers.js';
import { tokens } from './tokens.styles.js';

/** The shared styles alone, with a link-style button in running text and in a list. */
class TokensProbe extends LitElement {
  static override styles = [tokens];
  override render() {
    return html`<p class="plain">已恢复此前保存的草稿。放弃草稿</p>
      <p class="inline">已恢复此前保存的草稿。<button type="button" class="button link">放弃草稿</button></p>
      <p class="short"><button type="button" class="button link">修改</button></p>`;
  }
}
customElements.define('tokens-probe', TokensProbe);

declare global {
  interface HTMLElementTagNameMap {
    'tokens-probe': TokensProbe;
  }
}

describe('tokens', () => {
  afterEach(cleanup);

  it('gives link-style buttons a 44 px touch target without changing the line they sit in', async () => {
    const probe = await mount('tokens-probe');
    const root = probe.shadowRoot!;
    const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
    for (const selector of ['.inline .button', '.short .button']) {
      expect(box(selector).height, selector).to.be.at.least(44);
      expect(box(selector).width, selector).to.be.at.least(44);
    }
    // The paragraphs are as tall as one line of plain text, and the button's text sits on it.
    const line = box('.plain').height;
    expect(box('.inline').height).to.be.closeTo(line, 1);
    expect(box('.short').height).to.be.closeTo(line, 1);
    const text = document.createRange();
    text.selectNodeContents(root.querySelector('.inline .button')!);
    const plain = document.createRange();
    plain.selectNodeContents(root.querySelector('.plain')!);
    expect(text.getBoundingClientRect().bottom - box('.inline').top).to.be.closeTo(
      plain.getBoundingClientRect().bottom - box('.plain').top,
      1,
    );
  });
});
